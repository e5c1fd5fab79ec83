# The expected values in the *.test.ts files of grading/adaptive, computed once with numpy/scipy
# (numpy 2.4, scipy 1.17), independently of the TypeScript code. Run: python3 expected-values.py
# Not run by CI; kept so each literal in the tests can be traced to its formula.
# Independent check values for grading/adaptive tests (numpy/scipy; not the TypeScript code).
import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.integrate import quad
np.set_printoptions(precision=17)
def sig(z): return 1/(1+np.exp(-z))
def p3(th,a,b,c=0.0,D=1.0): return c+(1-c)*sig(D*a*(th-b))
def fd(f, th, h=1e-5): return (f(th+h)-f(th-h))/(2*h)
def info_fd(probs, th):
    # Fisher information Σ P'^2/P with P' from central differences (independent of closed forms)
    P = np.array(probs(th)); dP = (np.array(probs(th+1e-6))-np.array(probs(th-1e-6)))/2e-6
    return float(np.sum(dP**2/P))
print("== models")
th=-0.3; a,b=1.2,0.5
P=p3(th,a,b); print("2pl P", repr(P), "I closed a^2PQ", repr(a*a*P*(1-P)), "I fd", info_fd(lambda t:[1-p3(t,a,b),p3(t,a,b)],th))
th=0.25; a,b,c,D=1.1,-0.4,0.2,1.702
P=p3(th,a,b,c,D); Q=1-P
print("3pl P", repr(P), "I Birnbaum", repr((D*a)**2*(Q/P)*((P-c)/(1-c))**2), "I fd", info_fd(lambda t:[1-p3(t,a,b,c,D),p3(t,a,b,c,D)],th))
def gpcm(th,a,bs,D=1.0):
    z=np.concatenate([[0],np.cumsum(D*a*(th-np.array(bs)))]); e=np.exp(z-z.max()); return list(e/e.sum())
th=0.4; a,bs=0.9,[-1,0.3,1.2]
Pg=gpcm(th,a,bs); k=np.arange(4); m=np.dot(k,Pg); v=np.dot((k-m)**2,Pg)
print("gpcm P", [repr(x) for x in Pg], "I Muraki a^2 Var", repr(a*a*v), "I fd", info_fd(lambda t:gpcm(t,a,bs),th))
def grm(th,a,bs,D=1.0):
    s=[1.0]+[sig(D*a*(th-bk)) for bk in bs]+[0.0]; return [s[i]-s[i+1] for i in range(len(bs)+1)]
th=-0.5; a,bs=1.3,[-1.2,0,1.1]
Pr=grm(th,a,bs); print("grm P", [repr(x) for x in Pr], "I fd", info_fd(lambda t:grm(t,a,bs),th))
s=[1.0]+[sig(a*(th-bk)) for bk in bs]+[0.0]; ds=[0.0]+[a*sig(a*(th-bk))*(1-sig(a*(th-bk))) for bk in bs]+[0.0]
print("grm I Samejima", repr(sum((ds[i]-ds[i+1])**2/(s[i]-s[i+1]) for i in range(4))))

print("== estimators, 5 2PL items")
A=np.array([1.0,1.5,0.8,1.2,2.0]); B=np.array([-1.0,-0.5,0.0,0.5,1.0]); U=np.array([1,1,0,1,0])
def score(t): P=sig(A*(t-B)); return float(np.sum(A*(U-P)))
def I(t): P=sig(A*(t-B)); return float(np.sum(A*A*P*(1-P)))
def J(t): P=sig(A*(t-B)); return float(np.sum(A**3*P*(1-P)*(1-2*P)))
t=brentq(score,-4,4,xtol=1e-14); print("MLE", repr(t), "SE", repr(1/np.sqrt(I(t))))
t=brentq(lambda t: score(t)-t,-4,4,xtol=1e-14); print("MAP N(0,1)", repr(t), "SE", repr(1/np.sqrt(I(t)+1)))
t=brentq(lambda t: score(t)+J(t)/(2*I(t)),-4,4,xtol=1e-14); print("WLE", repr(t), "SE", repr(1/np.sqrt(I(t))))
def like(t): P=sig(A*(t-B)); return float(np.prod(np.where(U==1,P,1-P)))
nodes=np.linspace(-4,4,41); w=np.exp(-nodes**2/2); w/=w.sum(); L=np.array([like(x) for x in nodes]); post=w*L/np.sum(w*L)
m=np.dot(post,nodes); print("EAP rect 41 on [-4,4]", repr(m), "SD", repr(np.sqrt(np.dot(post,(nodes-m)**2))))
Z=quad(lambda t: like(t)*np.exp(-t*t/2),-10,10)[0]; mc=quad(lambda t: t*like(t)*np.exp(-t*t/2),-10,10)[0]/Z
print("EAP continuous", repr(mc), "SD", repr(np.sqrt(quad(lambda t: (t-mc)**2*like(t)*np.exp(-t*t/2),-10,10)[0]/Z)))
# all right: WLE finite for 2PL
U2=np.array([1,1,1,1,1])
def score2(t): P=sig(A*(t-B)); return float(np.sum(A*(U2-P)))
t=brentq(lambda t: score2(t)+J(t)/(2*I(t)),-4,4,xtol=1e-14); print("WLE all right", repr(t), "SE", repr(1/np.sqrt(I(t))))
print("== 3PL MLE: a=[1.2,0.8,1.5,1.0], b=[-0.5,0.2,0.8,-1.2], c=[0.2,0.25,0.15,0.2], D=1.702, u=[1,0,0,1]")
A3=np.array([1.2,0.8,1.5,1.0]); B3=np.array([-0.5,0.2,0.8,-1.2]); C3=np.array([0.2,0.25,0.15,0.2]); U3=np.array([1,0,0,1]); D=1.702
def ll3(t): P=p3(t,A3,B3,C3,D); return float(np.sum(np.where(U3==1,np.log(P),np.log(1-P))))
r=minimize_scalar(lambda t:-ll3(t),bounds=(-4,4),method='bounded',options={'xatol':1e-12}); t=r.x
P=p3(t,A3,B3,C3,D); Q=1-P; I3=np.sum((D*A3)**2*(Q/P)*((P-C3)/(1-C3))**2)
print("MLE3", repr(t), "SE", repr(1/np.sqrt(I3)))
print("== mixed polytomous MAP: gpcm(0.9,[-1,0.3,1.2]) cat 2, grm(1.3,[-1.2,0,1.1]) cat 1, 2pl(1,0) cat 1")
def lp(t): return np.log(gpcm(t,0.9,[-1,0.3,1.2])[2])+np.log(grm(t,1.3,[-1.2,0,1.1])[1])+np.log(sig(t))-t*t/2
r=minimize_scalar(lambda t:-lp(t),bounds=(-4,4),method='bounded',options={'xatol':1e-12}); t=r.x
It=info_fd(lambda s:gpcm(s,0.9,[-1,0.3,1.2]),t)+info_fd(lambda s:grm(s,1.3,[-1.2,0,1.1]),t)+sig(t)*(1-sig(t))
print("MAP poly", repr(t), "SE", repr(1/np.sqrt(It+1)))
print("== KL Chang-Ying, 2pl a=1.2 b=0.3, thetaHat=0.1, n=4 -> delta=1.5")
def kl(t, th0=0.1): p0=sig(1.2*(th0-0.3)); p=sig(1.2*(t-0.3)); return p0*np.log(p0/p)+(1-p0)*np.log((1-p0)/(1-p))
print("KL", repr(quad(kl,0.1-1.5,0.1+1.5,epsabs=1e-14)[0]))
print("KL gpcm thetaHat=-0.2 n=1 -> delta=3", repr(quad(lambda t: sum(p0*np.log(p0/p) for p0,p in zip(gpcm(-0.2,0.9,[-1,0.3,1.2]),gpcm(t,0.9,[-1,0.3,1.2]))),-3.2,2.8,epsabs=1e-14)[0]))
print("== SPRT cut 0 delta 0.2 on the 5-item pattern")
def ll(t): P=sig(A*(t-B)); return float(np.sum(np.where(U==1,np.log(P),np.log(1-P))))
print("logLR", repr(ll(0.2)-ll(-0.2)), "upper", repr(np.log(0.95/0.05)), "lower", repr(np.log(0.05/0.95)))
