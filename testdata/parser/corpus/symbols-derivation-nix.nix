[ ({ x, y, a }: 1) ({ drvAttrs, q1 }: 1) ({ q2, strict, commonAttrs, outputsList, outputToAttrListElement }: 1) ({ value, q3 }: 1) ]
