import requests

for code in [200, 201, 404, 500, 503]:
    r = requests.get(f"http://httpbin.org/status/{code}")
    print(code, r.status_code, r.reason, r.ok, bool(r))
    try:
        r.raise_for_status()
    except requests.HTTPError as e:
        print("  ", e)
        print("  ", e.response.status_code)
