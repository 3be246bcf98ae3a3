with {}; ''
${x}
  y
''
