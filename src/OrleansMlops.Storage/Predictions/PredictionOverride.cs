namespace OrleansMlops.Storage.Predictions;

/// <summary>A person's decision replacing the model's for one prediction (AI Act Art. 14(4)(d)), and why.</summary>
public sealed record PredictionOverride(string OverriddenBy, string Outcome, string Reason, DateTimeOffset OverriddenAt);
