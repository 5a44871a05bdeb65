namespace OrleansMlops.Host.Api;

internal static class WorkflowIds
{
    public const int MaxLength = 100;

    public static bool IsValid(string workflowId) =>
        workflowId.Length is > 0 and <= MaxLength
        && workflowId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !workflowId.StartsWith('.');
}
