from urllib.parse import quote, quote_plus, unquote, urlencode, urljoin, urlparse

u = urlparse("https://example.com:8443/a/b;p?q=1&r=2#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.query, u.fragment)
print(u.geturl())
print(quote("a b/c?d"), quote_plus("a b/c?d"), unquote("a%20b%2Fc"))
print(urlencode({"x": "1 2", "y": "é"}))
print(urljoin("http://example.com/a/b.html", "c.html"), urljoin("http://example.com/a/b", "/root"))
