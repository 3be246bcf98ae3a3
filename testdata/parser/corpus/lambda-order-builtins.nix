[ ({ lib, stdenv, fetchurl, ... }: 1) ({ pkgs, config, lib, ... }: 1) ({ name, zz, map, toString }: 1) ({ zz ? yy, yy }: 1) ]
