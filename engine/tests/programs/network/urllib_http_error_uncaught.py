import urllib.request

urllib.request.urlopen("http://httpbin.org/status/500")
