import requests

try:
    requests.get("http://no-such-host.invalid/")
except requests.exceptions.ConnectionError as e:
    print(type(e).__name__)
    print(e)
    print(isinstance(e, requests.RequestException), isinstance(e, OSError))
