import requests

r = requests.get("http://example.com/")
try:
    r.json()
except requests.exceptions.JSONDecodeError as e:
    print(type(e).__name__, isinstance(e, ValueError))
