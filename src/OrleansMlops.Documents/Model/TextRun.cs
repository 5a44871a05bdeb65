namespace OrleansMlops.Documents.Model;

/// <summary>
/// A piece of inline text. <paramref name="IsCode"/> marks identifiers (hashes, commits, paths) shown verbatim. The text
/// is raw: each renderer escapes it for its own format, so user-provided values never become markup.
/// </summary>
internal sealed record TextRun(string Text, bool IsCode)
{
    public static TextRun Plain(string text) => new(text, false);

    public static TextRun Code(string text) => new(text, true);

    public static implicit operator TextRun(string text) => Plain(text);
}
