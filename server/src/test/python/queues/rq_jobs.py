# The RQ job function.
def add(a, b):
    return a + b
