"""The peer: pymoo's NSGA-II (the library and version the reference used) with the reference's operators (4-point
crossover p = 0.9, bit-flip mutation prob = 0.05, duplicate elimination; pop_size = n_offsprings) asking the native
worker for evaluations through the worker protocol, on the same prompts, image seeds, sampler, initial population
(the same heuristic seeds, then uniform random bits) and budget as the daemon's runs."""
import numpy as np
from pymoo.algorithms.moo.nsga2 import NSGA2
from pymoo.core.evaluator import Evaluator
from pymoo.core.population import Population
from pymoo.core.problem import Problem
from pymoo.operators.crossover.pntx import PointCrossover
from pymoo.operators.mutation.bitflip import BitflipMutation
from pymoo.problems.static import StaticProblem
from pymoo.core.termination import NoTermination

from worker_client import wire_schedule


def run_peer(worker, layout, seeds_genomes, setup, seed):
    """Returns (trace, front [(bits, calibration point)], repeats). trace as in daemon_run.read_run; repeats counts genomes pymoo
    asked for again after they had left the population (pymoo eliminates duplicates only against the current
    population and batch; each repeat is charged its images, as the reference would generate them again)."""
    steps, blocks, components = layout
    step_zero = blocks * len(components)
    length = (steps - 1) * step_zero
    problem = Problem(n_var=length, n_obj=2, n_ieq_constr=0, xl=0, xu=1, vtype=bool)
    rng = np.random.default_rng(seed)
    initial = [np.asarray(g, dtype=bool) for g in seeds_genomes]
    unique = list({g.tobytes(): g for g in initial}.values())
    while len(unique) < setup["population"]:
        candidate = rng.random(length) < 0.5
        if all(candidate.tobytes() != g.tobytes() for g in unique):
            unique.append(candidate)
    algorithm = NSGA2(
        pop_size=setup["population"], n_offsprings=setup["population"],
        sampling=Population.new(X=np.array(unique)),
        crossover=PointCrossover(prob=0.9, n_points=4), mutation=BitflipMutation(prob=0.05),
        eliminate_duplicates=True)
    algorithm.setup(problem, seed=seed, termination=NoTermination())
    images_per = len(setup["prompts"]) * len(setup["seeds"])
    seen, trace, repeats = {}, [], 0
    for _ in range(setup["generations"] + 1):
        population = algorithm.ask()
        genomes = population.get("X").astype(np.uint8)
        before = set(seen)
        wanted = [g for g in genomes if g.tobytes() not in before]
        if wanted:
            schedules = [wire_schedule(np.concatenate([np.ones(step_zero, np.uint8), g]), steps, blocks, components)
                         for g in wanted]
            for g, evaluation in zip(wanted, worker.evaluate(schedules, setup["prompts"], setup["seeds"],
                                                             setup["sampler"])):
                rewards = evaluation["rewards"]
                seen[g.tobytes()] = (-sum(rewards) / len(rewards), evaluation["macs"] / setup["uncached_macs"])
        objectives = []
        for g in genomes:
            repeats += g.tobytes() in before
            objectives.append(seen[g.tobytes()])
            trace.append((images_per, seen[g.tobytes()]))
        Evaluator().eval(StaticProblem(problem, F=np.array(objectives)), population)
        algorithm.tell(infills=population)
    front = algorithm.opt.get("X").astype(np.uint8)
    return trace, [(np.concatenate([np.ones(step_zero, np.uint8), g]), seen[g.tobytes()]) for g in front], repeats
