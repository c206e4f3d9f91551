"""What a run needs, checked before it connects: the files it will write, the embedded server's directory
and the memory its largest office (in each of its worker processes, with --jobs) will take."""
import os
from dataclasses import replace
from pathlib import Path

from .errors import UserError

# Peak memory (RSS) of the generator, measured with /usr/bin/time -v (1 office, 2023-01-01 to 2025-06-30):
# 100 patients 73 MiB, 1,000 136 MiB, 5,000 246 MiB, 12,000 323 MiB; 50,000 in offices of 25,000: 618 MiB.
# A start in 2000 adds under 10%; 570,000 commlogs more than the default add 478 MiB (0.86 KiB a row),
# 190,000 procedures more 103 MiB (0.55 KiB). The model rounds each term up; the server's memory is apart.
BASE_MIB = 160
MIB_PER_PATIENT = 0.019
MIB_PER_EXTRA_ROW = 1 / 1024
ROWS_PER_EXTRA = {"appointments": 4}  # an appointment brings its procedures, history and reminders
SMALLEST_OFFICE = 100


def check_output(option, path):
    """A file the run writes at its end: refused now rather than after an hour of work."""
    if not path:
        return
    path = Path(path).expanduser()
    if path.is_dir():
        raise UserError(f"{option} {path} is a directory; name a file")
    parent = path.parent.resolve()
    if not parent.is_dir():
        problem = "is a file, not a directory" if parent.exists() else "does not exist"
        raise UserError(f"{option} {path}: the directory {parent} {problem}")
    writable = os.access(path, os.W_OK) if path.exists() else os.access(parent, os.W_OK | os.X_OK)
    if not writable:
        raise UserError(f"{option} {path} is not writable")


def check_outputs(outputs):
    """`outputs` maps each output option to its path (or None); two options may not name one file."""
    named = {option: Path(path).expanduser().resolve() for option, path in outputs.items() if path}
    for option, path in named.items():
        check_output(option, path)
    if len(set(named.values())) < len(named):
        raise UserError(f"{' and '.join(named)} name the same file; give each its own")


def peak_mib(config, office_patients):
    """Estimated peak memory of a run whose largest office has `office_patients` patients."""
    share = office_patients / config.patients
    defaults = replace(config, volume_overrides={})
    extra = sum(max(0, count - defaults.volume(name)) * share * ROWS_PER_EXTRA.get(name, 1)
                for name, count in config.volume_overrides.items())
    return BASE_MIB + MIB_PER_PATIENT * office_patients + MIB_PER_EXTRA_ROW * extra


def available_mib():
    """Memory the machine can give now: MemAvailable on Linux, else free physical pages; None if unknown."""
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (ValueError, OSError, AttributeError):
        return None


def workers(config, jobs=None):
    """The processes that generate offices side by side: none besides the run's own (0) with one job or one
    office, else one per job, at most one per office."""
    concurrent = min(config.jobs if jobs is None else jobs, config.office_count)
    return concurrent if concurrent > 1 else 0


def run_mib(config, office_patients, jobs=None):
    """Estimated peak memory of the run with offices of `office_patients`, its worker processes included: each
    holds one office; the run's own process then holds the reference data and the rows on their way."""
    processes = workers(config, jobs)
    return peak_mib(config, office_patients) * processes + BASE_MIB if processes else peak_mib(config, office_patients)


def _largest_office(config):
    return -(-config.patients // config.office_count)


def fit_jobs(config, available=None):
    """--jobs left at its default (the number of cores) is lowered to what the memory available holds."""
    available = available_mib() if available is None else available
    if "jobs" in config.sources or available is None:
        return
    largest = _largest_office(config)
    config.jobs = [n for n in range(1, config.jobs + 1) if n == 1 or run_mib(config, largest, n) <= available][-1]


def check_memory(config, available=None):
    """Refuse a run whose estimated peak exceeds the memory available, naming the --jobs or the largest office
    that fits."""
    available = available_mib() if available is None else available
    largest = _largest_office(config)
    needed = run_mib(config, largest)
    if available is None or needed <= available:
        return
    jobs = [n for n in range(1, config.jobs) if run_mib(config, largest, n) <= available]
    fits = [size for size in _office_sizes(largest) if run_mib(config, size) <= available]
    advice = (f"--jobs {jobs[-1]} fits" if jobs else
              f"the largest office that fits is --patients-per-office {max(fits):,}" if fits
              else "even an office of 100 patients does not fit with these --volume overrides; lower them")
    raise UserError(f"this run needs about {needed:,.0f} MiB of memory at its peak, but only {available:,.0f} MiB "
                    f"is available; {advice}")


def _office_sizes(largest):
    """Candidate office sizes from the smallest allowed up to `largest`, about 1% apart."""
    size = SMALLEST_OFFICE
    while size < largest:
        yield size
        size = max(size + 1, int(size * 1.01))
    yield largest
