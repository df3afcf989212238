"""M/M/c in SimPy 3, the same model as bench/simulate.js: Poisson arrivals,
c servers behind one FCFS queue, exponential service of mean 1, utilisation rho.
Prints one JSON line: customers, model events (an arrival and a departure per
customer), wall and CPU seconds inside env.run(), events per CPU second, mean
response time.

Run: /usr/bin/python3 bench/simpy_mmc.py [customers] [c] [rho] [seed]
"""
import json
import random
import sys
import time

import simpy


def run(customers, c, rho, seed):
    rng = random.Random(seed)
    rate = rho * c
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=c)
    total = [0.0, 0]

    def customer(env):
        arrived = env.now
        with servers.request() as request:
            yield request
            yield env.timeout(rng.expovariate(1.0))
        total[0] += env.now - arrived
        total[1] += 1

    def source(env):
        for _ in range(customers):
            yield env.timeout(rng.expovariate(rate))
            env.process(customer(env))

    env.process(source(env))
    start = time.perf_counter()
    cpu_start = time.process_time()
    env.run()
    cpu_seconds = time.process_time() - cpu_start
    seconds = time.perf_counter() - start
    return seconds, cpu_seconds, total[0] / total[1]


if __name__ == "__main__":
    customers = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1000000
    c = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    rho = float(sys.argv[3]) if len(sys.argv) > 3 else 0.8
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
    seconds, cpu_seconds, mean = run(customers, c, rho, seed)
    events = 2 * customers
    print(json.dumps({
        "impl": "simpy",
        "simpy": simpy.__version__,
        "customers": customers,
        "events": events,
        "seconds": seconds,
        "cpuSeconds": cpu_seconds,
        "eventsPerSecond": events / cpu_seconds,
        "meanResponse": mean,
    }))
