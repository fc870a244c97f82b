import urllib.error
import urllib.request

for url in ["http://httpbin.org/status/404", "http://no-such-host.invalid/", "http://127.0.0.1:1/"]:
    try:
        urllib.request.urlopen(url)
    except urllib.error.HTTPError as e:
        print("HTTPError", e.code, e.reason, e)
    except urllib.error.URLError as e:
        print("URLError", e.reason, e)
        print(type(e.reason).__name__)
