import csv
exec(open('rows.py').read())
H=["area_code","year","indicator","value","unit","edition","source_title","source_url","notes"]
for fn,rows in (("indicators.csv",R),("alternates.csv",A)):
    with open(fn,"w",newline="",encoding="utf-8") as f:
        w=csv.writer(f); w.writerow(H)
        for r in rows: w.writerow(r)
print(len(R),len(A))
