using System.Collections.Immutable;
using System.Globalization;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Stages.Modeling;

/// <summary>Hyper-parameters of the logistic regression, read from the task properties <c>l1</c>, <c>l2</c> and <c>maxIterations</c>.</summary>
public sealed record TrainingParameters(float L1, float L2, int MaxIterations)
{
    public const string L1Property = "l1";

    public const string L2Property = "l2";

    public const string MaxIterationsProperty = "maxIterations";

    public static TrainingParameters Default { get; } = new(L1: 0f, L2: 0.1f, MaxIterations: 100);

    /// <summary>Reads the parameters present in <paramref name="properties"/>; absent ones keep their defaults.</summary>
    public static TrainingParameters From(IReadOnlyDictionary<string, string> properties) => new(
        NonNegative(properties, L1Property, Default.L1),
        NonNegative(properties, L2Property, Default.L2),
        Positive(properties, MaxIterationsProperty, Default.MaxIterations));

    /// <summary>Everything that determines the model, as recorded in lineage; invariant formatting keeps it stable.</summary>
    public ImmutableDictionary<string, string> ToLineage() => ImmutableDictionary.CreateRange(
        StringComparer.Ordinal,
        [
            KeyValuePair.Create("trainer", "LbfgsLogisticRegression"),
            KeyValuePair.Create("normalizer", "MeanVariance"),
            KeyValuePair.Create("features", string.Join(',', CreditModelInput.FeatureColumns)),
            KeyValuePair.Create("seed", CreditModelTrainer.Seed.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create(L1Property, L1.ToString("R", CultureInfo.InvariantCulture)),
            KeyValuePair.Create(L2Property, L2.ToString("R", CultureInfo.InvariantCulture)),
            KeyValuePair.Create(MaxIterationsProperty, MaxIterations.ToString(CultureInfo.InvariantCulture)),
        ]);

    private static float NonNegative(IReadOnlyDictionary<string, string> properties, string name, float fallback)
    {
        if (!properties.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value) && value >= 0f
            ? value
            : throw new StageException($"Task property '{name}' must be a non-negative number; got '{text}'.");
    }

    private static int Positive(IReadOnlyDictionary<string, string> properties, string name, int fallback)
    {
        if (!properties.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new StageException($"Task property '{name}' must be a positive whole number; got '{text}'.");
    }
}
