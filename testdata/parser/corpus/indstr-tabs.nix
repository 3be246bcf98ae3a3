''
	foo
	  bar
  	baz
''
