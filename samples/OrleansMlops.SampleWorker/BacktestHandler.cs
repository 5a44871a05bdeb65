using System.Globalization;
using System.Text;
using OrleansMlops.ExternalTasks.Contract;
using OrleansMlops.Workers;

namespace OrleansMlops.SampleWorker;

/// <summary>
/// Topic <c>sample.backtest</c>: backtests the run's scored loans (<c>backtest.probabilities</c>, comma-separated
/// probabilities of default, and <c>backtest.outcomes</c>, 1 for defaulted and 0 for repaid) and reports the results
/// as metrics, so a gate after the stage can hold a release whose model no longer ranks or is no longer calibrated.
/// </summary>
public sealed class BacktestHandler : IExternalTaskHandler
{
    public const string TopicName = "sample.backtest";

    public string Topic => TopicName;

    public Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        var probabilities = Backtest.Series(context.GetString("backtest.probabilities"), "backtest.probabilities");
        var outcomes = Backtest.Series(context.GetString("backtest.outcomes"), "backtest.outcomes")
            .Select(o => o is 0 or 1 ? (int)o : throw new FormatException($"Outcome {o.ToString(CultureInfo.InvariantCulture)} is neither 0 nor 1."))
            .ToArray();
        var backtest = Backtest.Of(probabilities, outcomes);

        var result = new ExternalTaskResult { Log = LogOf(context.Job, backtest) }
            .WithMetric("backtest.auc", backtest.Auc)
            .WithMetric("backtest.gini", backtest.Gini)
            .WithMetric("backtest.brier", backtest.Brier)
            .WithMetric("backtest.observedDefaultRate", backtest.ObservedDefaultRate)
            .WithMetric("backtest.expectedDefaultRate", backtest.ExpectedDefaultRate)
            .WithMetric("backtest.calibrationZ", backtest.CalibrationZ)
            .WithMetric("backtest.samples", backtest.Samples)
            .WithVariable("backtest.calibrated", backtest.Calibrated);
        return Task.FromResult(result);
    }

    private static string LogOf(ExternalJob job, Backtest b)
    {
        var log = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        log.AppendLine(c, $"backtest of run {job.RunId}, stage {job.Stage}, attempt {job.Attempt}");
        log.AppendLine(c, $"loans {b.Samples}, defaults {b.Defaults}");
        log.AppendLine(c, $"AUC {b.Auc:F4}, Gini {b.Gini:F4}, Brier {b.Brier:F4}");
        log.Append(c, $"default rate observed {b.ObservedDefaultRate:F4} vs predicted {b.ExpectedDefaultRate:F4}: z = {b.CalibrationZ:F2}, ");
        log.Append(b.Calibrated ? "calibrated" : "NOT calibrated").Append(c, $" at |z| < {Backtest.CalibrationBound}");
        return log.ToString();
    }
}
