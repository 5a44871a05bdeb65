namespace OrleansMlops.Stages.Serving;

/// <summary>A served score: the raw score, the probability of default, and the resulting decision (<see cref="CreditDecision"/>).</summary>
public sealed record CreditPrediction(double Score, double Probability, string Decision);
