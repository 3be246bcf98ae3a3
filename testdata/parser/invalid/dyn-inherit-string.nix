with {}; { inherit "${x}"; }
