{ lib
, stdenv
, fetchFromGitHub
, fetchurl
, cmake
, pkg-config
, openssl
, zlib
, withGui ? false
, qt5 ? null
}:

stdenv.mkDerivation rec {
  pname = "example";
  version = "1.2.3";

  src = fetchFromGitHub {
    owner = "example";
    repo = pname;
    rev = "v${version}";
    sha256 = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  };

  nativeBuildInputs = [ cmake pkg-config ];
  buildInputs = [ openssl zlib ] ++ lib.optionals withGui [ qt5.qtbase ];

  cmakeFlags = [
    "-DENABLE_GUI=${if withGui then "ON" else "OFF"}"
  ];

  postInstall = ''
    mkdir -p $out/share/doc
    cp ../README.md $out/share/doc/
    substituteInPlace $out/bin/example \
      --replace "/usr/bin" "$out/bin"
  '';

  doCheck = true;

  meta = with lib; {
    description = "An example package";
    homepage = "https://example.org";
    license = licenses.mit;
    maintainers = with maintainers; [ ];
    platforms = platforms.linux;
  };
}
