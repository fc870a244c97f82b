import urllib.request

with urllib.request.urlopen("http://example.com/") as resp:
    print(resp.status, resp.reason, resp.getcode())
    print(resp.headers["Content-Type"])
    body = resp.read()
print(body.decode().splitlines()[3])
print(len(body))
