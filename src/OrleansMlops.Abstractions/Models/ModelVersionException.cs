namespace OrleansMlops.Abstractions.Models;

/// <summary>A lifecycle change a model version refuses: wrong run, wrong order, or not registered.</summary>
[GenerateSerializer, Alias("mlops.ModelVersionException")]
public sealed class ModelVersionException : Exception
{
    public ModelVersionException()
    {
    }

    public ModelVersionException(string message)
        : base(message)
    {
    }

    public ModelVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
