[ http://x.org/a https://example.com/path?q=1&r=2 git+ssh://git@github.com:a/b.git file:///etc/x mailto:a@b.c x:y a+b-c.d:e%20f urn:isbn:123 ]
