# Reference values for grading/calibration/*.test.ts, computed once with numpy/scipy (numpy 2.4,
# scipy 1.17) independently of the TypeScript code: NOT by EM, but by maximising the marginal
# log-posterior directly with scipy.optimize (BFGS, central-difference gradients).
# Run: python3 expected-values.py   (writes fixtures/mixed.ts, prints the expected values)
# Not run by CI; kept so each literal in the tests can be traced to its computation.
import numpy as np
from scipy.optimize import minimize

rng = np.random.default_rng(20261207)
sig = lambda z: 1 / (1 + np.exp(-z))

# ---- a mixed data set: 2PL, 3PL, GPCM (3 categories), GRM (4 categories), one pretest 2PL item
N = 500
theta = rng.standard_normal(N)
items = [
    ('2pl', [1.2, 0.3]), ('2pl', [0.8, -0.5]), ('2pl', [1.5, 1.0]),
    ('3pl', [1.4, -0.2, np.log(0.2 / 0.8)]), ('3pl', [1.0, 0.5, np.log(0.15 / 0.85)]),
    ('gpcm', [0.9, 0.8, -0.4]), ('gpcm', [1.3, 0.2, -1.0]),
    ('grm', [1.1, 1.5, 0.0, -1.2]), ('grm', [0.7, 2.0, 0.5, -0.8]),
    ('2pl', [1.0, -0.2]),  # pretest: presented to 40 %
]

def probs(model, x, t):
    """Category probabilities, shape (len(t), K); slope-intercept form, D = 1."""
    t = np.asarray(t, dtype=float)
    if model in ('2pl', '3pl'):
        p = sig(x[0] * t + x[1])
        if model == '3pl':
            c = sig(x[2]); p = c + (1 - c) * p
        return np.stack([1 - p, p], axis=1)
    if model == 'gpcm':
        z = np.concatenate([np.zeros((len(t), 1)), np.cumsum(x[0] * t[:, None] + np.array(x[1:])[None, :], axis=1)], axis=1)
        e = np.exp(z - z.max(axis=1, keepdims=True)); return e / e.sum(axis=1, keepdims=True)
    star = np.concatenate([np.ones((len(t), 1)), sig(x[0] * t[:, None] + np.array(x[1:])[None, :]), np.zeros((len(t), 1))], axis=1)
    return star[:, :-1] - star[:, 1:]

data = np.full((N, len(items)), -1)
for j, (m, x) in enumerate(items):
    P = probs(m, x, theta)
    u = rng.random(N)
    cat = (u[:, None] > np.cumsum(P, axis=1)[:, :-1]).sum(axis=1)
    shown = rng.random(N) < (0.4 if j == len(items) - 1 else 1.0)
    data[:, j] = np.where(shown, cat, -1)

with open('fixtures/mixed.ts', 'w') as f:
    f.write('// Written by ../expected-values.py (numpy seed 20261207): 500 simulees x 10 items, "." = not presented.\n')
    f.write('export const MIXED_MODELS = ' + repr([m for m, _ in items]).replace("'", "'") + ' as const;\n')
    f.write('export const MIXED_ROWS = [\n')
    for r in data:
        f.write("  '" + ''.join('.' if v < 0 else str(v) for v in r) + "',\n")
    f.write('];\n')

nodes = np.linspace(-6, 6, 61); w = np.exp(-nodes ** 2 / 2); w /= w.sum()
sizes = [len(x) for _, x in items]

def unpack(v):
    out, i = [], 0
    for s in sizes: out.append(v[i:i + s]); i += s
    return out

def log_posterior(v):
    xs = unpack(v)
    ll = np.tile(np.log(w), (N, 1))
    prior = 0.0
    for j, (m, _) in enumerate(items):
        x = xs[j]
        if m == 'grm' and np.any(np.diff(x[1:]) >= 0): return -1e10
        lp = np.log(np.maximum(probs(m, x, nodes), 1e-300))  # (Q, K)
        obs = data[:, j] >= 0
        ll[obs] += lp[:, data[obs, j]].T
        if m == '3pl':
            a, c = x[0], sig(x[2])
            if a <= 0: return -1e10
            prior += -np.log(a) - 0.5 * (np.log(a) / 0.5) ** 2 + 4 * np.log(c) + 16 * np.log(1 - c)
    top = ll.max(axis=1)
    return float(np.sum(top + np.log(np.exp(ll - top[:, None]).sum(axis=1)))) + prior, prior

start = np.concatenate([np.array(x, dtype=float) for _, x in items])
res = minimize(lambda v: -log_posterior(v)[0], start, method='BFGS', jac='3-point', options={'gtol': 1e-8, 'maxiter': 10000})
res = minimize(lambda v: -log_posterior(v)[0], res.x, method='Nelder-Mead', options={'xatol': 1e-9, 'fatol': 1e-11, 'maxiter': 200000, 'maxfev': 200000})
print('== mixed MAP (direct maximisation), slope-intercept vectors')
lp, prior = log_posterior(res.x)
print('logLikelihood (without priors)', repr(lp - prior))
for (m, _), x in zip(items, unpack(res.x)):
    print(m, [round(float(v), 6) for v in x])

# ---- Stocking–Lord: anchors whose new-scale parameters are NOT an exact linear transform
print('== Stocking-Lord (41 nodes on [-4, 4], N(0,1) weights), mean/sigma')
bank = [(1.0, -1.0), (1.4, 0.0), (0.8, 0.7), (1.2, 1.5), (0.9, -0.3)]
new = [(1.25, -1.45), (1.6, -0.5), (1.1, 0.1), (1.3, 0.95), (1.2, -0.7)]
g = np.linspace(-4, 4, 41); gw = np.exp(-g ** 2 / 2); gw /= gw.sum()
tcc = lambda its, t: sum(sig(a * (t - b)) for a, b in its)
target = tcc(bank, g)
def crit(v):
    A, B = np.exp(v[0]), v[1]
    return float(np.sum(gw * (target - tcc([(a / A, A * b + B) for a, b in new], g)) ** 2))
bb = np.array([b for _, b in bank]); nb = np.array([b for _, b in new])
A0 = bb.std() / nb.std(); B0 = bb.mean() - A0 * nb.mean()
print('mean/sigma A', repr(A0), 'B', repr(B0))
r = minimize(crit, [np.log(A0), B0], method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-16, 'maxiter': 100000})
print('Stocking-Lord A', repr(float(np.exp(r.x[0]))), 'B', repr(float(r.x[1])), 'criterion', repr(r.fun))
