"""Captures a real Redis 7.0's GEO replies into redis-geo-replies.tsv (run against a scratch instance).

Usage: python3 capture_geo_replies.py PORT > redis-geo-replies.tsv
Lines (tab separated):
  P name lon lat score geopos-lon geopos-lat geohash     one GEOADD'ed point and what Redis says of it
  D a b unit reply                                       GEODIST
  S lon lat BYRADIUS r unit hits | S lon lat BYBOX w h unit hits     GEOSEARCH FROMLONLAT ... WITHDIST
  M member BYRADIUS r unit hits  | M member BYBOX w h unit hits      GEOSEARCH FROMMEMBER ... WITHDIST
where hits is member=distance,... sorted by member (Redis's own order is an unstable qsort by distance).
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from resp_client import Resp  # noqa: E402

SEED = 7102
LAT_MAX = 85.05112878

rng = random.Random(SEED)
r = Resp(int(sys.argv[1]))
r.call("DEL", "g")

centres = [(0.0, 0.0), (179.9, 10.0), (-179.95, -20.0), (180.0, 0.0), (-180.0, 45.0),
           (13.361389, 38.115556), (0.0, 85.05), (120.0, -85.0), (-60.0, 84.9), (45.0, 80.5),
           (-100.0, -70.0), (179.99, 84.99), (-179.99, -84.99), (10.0, 66.5), (-0.0001, -0.0001)]
while len(centres) < 40:
    centres.append((round(rng.uniform(-180, 180), 6), round(rng.uniform(-85, 85), 6)))


def wrap_lon(lon):
    while lon > 180:
        lon -= 360
    while lon < -180:
        lon += 360
    return lon


def clamp_lat(lat):
    return max(-LAT_MAX, min(LAT_MAX, lat))


points = [(180.0, LAT_MAX), (-180.0, -LAT_MAX), (0.0, 0.0), (180.0, 0.0), (-180.0, 0.0),
          (-180.0, LAT_MAX), (180.0, -LAT_MAX)]
for (clon, clat) in centres:
    sigma = rng.choice([0.001, 0.05, 0.5, 3.0, 15.0])
    for _ in range(10):
        points.append((wrap_lon(clon + rng.gauss(0, sigma)), clamp_lat(clat + rng.gauss(0, sigma))))
while len(points) < 500:
    points.append((rng.uniform(-180, 180), rng.uniform(-LAT_MAX, LAT_MAX)))

names = []
for i, (lon, lat) in enumerate(points):
    name = "p%d" % i
    names.append(name)
    assert r.call("GEOADD", "g", repr(lon), repr(lat), name) == 1
    score = r.call("ZSCORE", "g", name).decode()
    pos = r.call("GEOPOS", "g", name)[0]
    gh = r.call("GEOHASH", "g", name)[0].decode()
    print("\t".join(["P", name, repr(lon), repr(lat), score, pos[0].decode(), pos[1].decode(), gh]))

units = ["m", "km", "mi", "ft"]
for i in range(300):
    a, b = rng.choice(names), rng.choice(names)
    for unit in (units if i < 50 else [rng.choice(units)]):
        d = r.call("GEODIST", "g", a, b, unit.upper() if i % 7 == 0 else unit).decode()
        print("\t".join(["D", a, b, unit, d]))


def hits(reply):
    pairs = sorted((m.decode(), d.decode()) for m, d in reply)
    return ",".join("%s=%s" % p for p in pairs)


radii = [("0", "m"), ("0.5", "km"), ("5", "km"), ("50", "km"), ("300", "mi"), ("2000", "km"),
         ("6000", "km"), ("100000", "ft"), ("12.5", "m")]
boxes = [("10", "20", "km"), ("200", "100", "mi"), ("3000", "1000", "km"), ("50000", "50000", "m"),
         ("20000", "20000", "km"), ("1", "400", "km")]
for (clon, clat) in centres:
    lon = repr(wrap_lon(clon + rng.gauss(0, 0.01)))
    lat = repr(clamp_lat(clat + rng.gauss(0, 0.01)))
    for (rad, unit) in radii:
        reply = r.call("GEOSEARCH", "g", "FROMLONLAT", lon, lat, "BYRADIUS", rad, unit, "WITHDIST")
        print("\t".join(["S", lon, lat, "BYRADIUS", rad, unit, hits(reply)]))
    for (w, h, unit) in boxes:
        reply = r.call("GEOSEARCH", "g", "FROMLONLAT", lon, lat, "BYBOX", w, h, unit, "WITHDIST")
        print("\t".join(["S", lon, lat, "BYBOX", w, h, unit, hits(reply)]))

for name in rng.sample(names, 20):
    rad, unit = rng.choice(radii)
    reply = r.call("GEOSEARCH", "g", "FROMMEMBER", name, "BYRADIUS", rad, unit, "WITHDIST")
    print("\t".join(["M", name, "BYRADIUS", rad, unit, hits(reply)]))
    w, h, unit = rng.choice(boxes)
    reply = r.call("GEOSEARCH", "g", "FROMMEMBER", name, "BYBOX", w, h, unit, "WITHDIST")
    print("\t".join(["M", name, "BYBOX", w, h, unit, hits(reply)]))
r.call("DEL", "g")
