namespace OrleansMlops.Stages.Evidence;

/// <summary>Front matter that does not follow the strict format, with the 1-based line where it goes wrong.</summary>
public sealed class FrontMatterException : Exception
{
    public FrontMatterException()
    {
    }

    public FrontMatterException(string message)
        : base(message)
    {
    }

    public FrontMatterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FrontMatterException(int line, string reason)
        : base($"line {line}: {reason}")
    {
        Line = line;
        Reason = reason;
    }

    public int Line { get; }

    public string Reason { get; } = string.Empty;
}
