namespace OrleansMlops.Cli.Http;

/// <summary>No answer from the host: refused connection, DNS failure, timeout.</summary>
public sealed class HostUnreachableException(string message, Exception innerException) : Exception(message, innerException);
