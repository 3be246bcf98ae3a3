{ lib, stdenv, fetchurl, fetchFromGitHub, cmake, pkg-config, ninja, meson, python3, perl, zlib, openssl, curl, libxml2, libxslt, glib, gtk3, qt5, boost, gmp, mpfr, sqlite, readline, ncurses, libffi, pcre, expat, libuv, nghttp2, c-ares, libpng, libjpeg, withDocs ? false }:
stdenv.mkDerivation { pname = "x"; version = "1"; }
