"""The outcome of checks: one line per check, ok or FAIL with what is wrong."""

SERVICES = {"ingest-service": 8081, "metrics-service": 8082, "report-service": 8083}
KAFKA_PRINCIPALS = {"ingest-service": "ingest", "metrics-service": "metrics", "report-service": "report"}


class Checks:
    """Collects (passed, name, detail) per check; lines() writes them as validate.sh reads them."""

    def __init__(self):
        self.results = []

    def emit(self, passed, name, detail=""):
        self.results.append((bool(passed), name, " | ".join(str(detail).split("\n")).replace("\t", " ")))

    def check(self, name, problems):
        """problems: list of strings; empty means the check passed."""
        self.emit(not problems, name, "; ".join(problems))

    def failed(self):
        return [name for passed, name, _ in self.results if not passed]

    def detail(self, name):
        return next(detail for _, n, detail in self.results if n == name)

    def lines(self):
        """ok<TAB>name, or FAIL<TAB>name<TAB>detail."""
        return ["ok\t%s" % name if passed else "FAIL\t%s\t%s" % (name, detail)
                for passed, name, detail in self.results]
