using Microsoft.ML;

namespace OrleansMlops.Stages.Modeling;

/// <summary>A saved credit model loaded into its ML.NET context.</summary>
public sealed record LoadedCreditModel(MLContext Ml, ITransformer Transformer);
