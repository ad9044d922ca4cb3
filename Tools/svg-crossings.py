#!/usr/bin/env python3
"""Counts pairs of tree edges that cross in a TeamGraph SVG (edges sharing a card are not counted).

Usage: python3 Tools/svg-crossings.py chart.svg   (docs/chart.md, "Wide families fold")
"""
import re
import sys
s=open(sys.argv[1]).read()
edges=[]
for m in re.finditer(r'<g id="edge\d+" class="edge tree">\s*<title>(.*?)</title>.*?<path[^>]* d="([^"]+)"', s, re.S):
    t=m.group(1).replace('&#45;','-').replace('&gt;','>')
    a,b=t.split('->',1)
    nums=[float(x) for x in re.findall(r'-?[\d.]+', m.group(2))]
    pts=list(zip(nums[0::2],nums[1::2]))
    poly=[pts[0]]
    for i in range(1,len(pts)-2,3):
        p0,p1,p2,p3=pts[i-1],pts[i],pts[i+1],pts[i+2]
        for k in range(1,9):
            u=k/8
            x=(1-u)**3*p0[0]+3*(1-u)**2*u*p1[0]+3*(1-u)*u*u*p2[0]+u**3*p3[0]
            y=(1-u)**3*p0[1]+3*(1-u)**2*u*p1[1]+3*(1-u)*u*u*p2[1]+u**3*p3[1]
            poly.append((x,y))
    edges.append((a,b,poly))
def inter(p,q,r,t):
    def o(a,b,c): return (b[0]-a[0])*(c[1]-a[1])-(b[1]-a[1])*(c[0]-a[0])
    d1,d2,d3,d4=o(r,t,p),o(r,t,q),o(p,q,r),o(p,q,t)
    return d1*d2<0 and d3*d4<0
n=0
for i in range(len(edges)):
    a=edges[i]
    ax=[p[0] for p in a[2]]; ay=[p[1] for p in a[2]]
    for j in range(i+1,len(edges)):
        b=edges[j]
        if {a[0],a[1]}&{b[0],b[1]}: continue
        bx=[p[0] for p in b[2]]; by=[p[1] for p in b[2]]
        if max(ax)<min(bx) or max(bx)<min(ax) or max(ay)<min(by) or max(by)<min(ay): continue
        if any(inter(a[2][k],a[2][k+1],b[2][l],b[2][l+1]) for k in range(len(a[2])-1) for l in range(len(b[2])-1)): n+=1
print(len(edges),"edges",n,"crossing pairs")
