// Ends the run with the plain closing line CI reads ("N passed, N failed, N skipped"). Jest prints
// its own summary after every reporter has finished, so the line is written as the process exits.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const {
      numPassedTests: passed,
      numFailedTests: failed,
      numPendingTests: skipped,
      numRuntimeErrorTestSuites: broken,
    } = results;
    process.once('exit', () =>
      process.stderr.write(`${passed} passed, ${failed + broken} failed, ${skipped} skipped\n`),
    );
  }
}
module.exports = SummaryReporter;
