using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansMlops.Governance.Hosting;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance;

/// <summary>
/// Checks <see cref="GovernanceOptions"/> at start. A missing policies folder stops the host: starting without rule
/// sets would let every transition through, which is failing open.
/// </summary>
public sealed class GovernanceOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PoliciesPath))
        {
            return ValidateOptionsResult.Fail($"{GovernanceOptions.Section}:PoliciesPath is required: the folder of rule set files.");
        }

        if (options.PoliciesPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail(
                $"{GovernanceOptions.Section}:PoliciesPath contains characters not allowed in a path; got '{options.PoliciesPath}'.");
        }

        if (options.EvaluationBudget <= TimeSpan.Zero || options.EvaluationBudget > TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail(
                $"{GovernanceOptions.Section}:EvaluationBudget must be more than zero and at most one minute; got {options.EvaluationBudget}.");
        }

        if (options.RequiredTransitions?.FirstOrDefault(t => !TransitionName.IsValid(t)) is { } invalid)
        {
            return ValidateOptionsResult.Fail(
                $"{GovernanceOptions.Section}:RequiredTransitions holds '{invalid}', which is not a transition (\"approve\" or \"enter:<stage>\").");
        }

        var dateProblems = EffectiveDateOverrides.Validate(options.EffectiveDates).ToList();
        if (dateProblems.Count > 0)
        {
            return ValidateOptionsResult.Fail(dateProblems);
        }

        var directory = PoliciesDirectory.Resolve(options.PoliciesPath, environment);
        return Directory.Exists(directory)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{GovernanceOptions.Section}:PoliciesPath '{options.PoliciesPath}' resolves to '{directory}', which does not exist. "
                + "Without rule sets every transition would be allowed, so the host refuses to start.");
    }
}
