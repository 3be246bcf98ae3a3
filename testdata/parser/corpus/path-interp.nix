with {}; [ ./a/${b}/c ./${x} /${x} ./a/${b}${c} ./a/${b}x${c}/y ~/${x} ~/a/${x}.nix /a/b${x} a/${b} ]
