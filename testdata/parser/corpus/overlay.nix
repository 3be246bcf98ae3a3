final: prev: {
  myTool = prev.callPackage ./pkgs/my-tool { };
  python3 = prev.python3.override {
    packageOverrides = pyFinal: pyPrev: {
      requests = pyPrev.requests.overridePythonAttrs (old: {
        doCheck = false;
        patches = (old.patches or [ ]) ++ [ ./patches/requests.patch ];
      });
    };
  };
  htop = prev.htop.overrideAttrs (o: { pname = "htop-custom"; });
}
