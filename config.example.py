"""Your settings for the dental practice generator.

Copy this file to config.py (git-ignored; chmod 600 if it holds a password) and uncomment what you need.
It has the lowest precedence of our sources:
command-line options > .env_demo > environment variables > config.py > libpq's service (service= or
PGSERVICE) > libpq's PGHOST, PGPORT, PGUSER, PGDATABASE > built-in defaults.
A DEMO_DATABASE_URL counts as its parts here; a separate DEMO_POSTGRES_* setting in this file beats its part.
Unknown names are rejected, so a typo is reported rather than silently ignored; any error in this file
(even `raise SystemExit`) is one line naming the file and line.
If you set no database setting anywhere, the generator uses its embedded PostgreSQL (libpq's PG* variables
only fill in a server you name; they never choose one).
"""

# Where to write (an existing PostgreSQL server):
# DEMO_POSTGRES_HOST = "localhost"
# DEMO_POSTGRES_PORT = 5432
# DEMO_POSTGRES_DB = "opendental_demo"       # must look like a demo/test database (see README, Safety)
# DEMO_POSTGRES_USER = "postgres"
# DEMO_POSTGRES_PASSWORD = ""                # better: ~/.pgpass, PGPASSWORD or --password-file
# DEMO_DATABASE_URL = "postgresql://postgres@localhost:5432/opendental_demo"   # or "host=... dbname=..."

# What to generate:
# DEMO_NUM_PATIENTS = 5000
# DEMO_START_DATE = "2023-01-01"             # the analytics window; the history lies before it
# DEMO_END_DATE = "2026-06-30"               # the simulated "today"; default: today
# DEMO_HISTORY_YEARS = 3                     # the practice opened this many years before DEMO_START_DATE
# DEMO_SEED = 20230101                       # same seed + same options = same data
# DEMO_CLINICS = 0                           # 0 = single location (ClinicNum 0), as the analytics expect
# DEMO_PATIENTS_PER_OFFICE = 25000           # larger practices are generated office by office (flat memory)
# DEMO_NUM_APPOINTMENTS = 15000              # override a volume (default scales with patients; at most 20x it)
# DEMO_NUM_PROCEDURES = 50000

# Where the embedded PostgreSQL keeps its data (default: .pgdata in the project):
# DEMO_EMBEDDED_DIR = "~/.dental-demo-pgdata"
