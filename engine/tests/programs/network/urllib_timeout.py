import urllib.request

try:
    urllib.request.urlopen("http://httpbin.org/delay/2", timeout=0.5)
except TimeoutError as e:
    print(type(e).__name__, e)
