using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// A last line of defence: any logged value that looks like a bearer token (a JWT) or one of our API keys is replaced
/// before it reaches a sink. The code never logs credentials; this catches what a library or a careless message might.
/// </summary>
public sealed partial class SecretRedaction : ILogEventEnricher
{
    public const string Mask = "[redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            if (value is ScalarValue { Value: string text } && Redact(text) is { } redacted)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }

    /// <summary>The text with credentials masked, or null when it holds none.</summary>
    public static string? Redact(string text)
    {
        var redacted = Credential().Replace(text, Mask);
        return ReferenceEquals(redacted, text) || redacted == text ? null : redacted;
    }

    // A JWT (three base64url parts, the first two starting with '{"' encoded) or an API key with our prefix.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*|mlops_[A-Za-z0-9_-]{20,}")]
    private static partial Regex Credential();
}
