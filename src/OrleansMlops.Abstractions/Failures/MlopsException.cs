using System.Collections.ObjectModel;

namespace OrleansMlops.Abstractions.Failures;

/// <summary>
/// A refusal by one area of the engine, coded so callers can tell refusals apart without parsing the message: the area,
/// a stable code, and the kind of failure. Each area has its own typed exception deriving from
/// <see cref="MlopsException{TCode}"/>; this base is what the API maps, once, for all of them.
/// </summary>
[GenerateSerializer]
public abstract class MlopsException : Exception
{
    private protected MlopsException(string message)
        : base(message)
    {
    }

    /// <summary>The area that refused, as callers name it (e.g. <c>runs</c>, <c>external-tasks</c>).</summary>
    public abstract string Area { get; }

    /// <summary>The code clients switch on: the member name of the area's code enum, so renaming a member breaks them.</summary>
    public abstract string ErrorCode { get; }

    public abstract FailureKind Kind { get; }

    /// <summary>A short, fixed title for the code; the message says what failed and where.</summary>
    public abstract string Title { get; }

    /// <summary>Further facts a caller may act on (the field at fault, the rule a candidate was refused for); none by default.</summary>
    public virtual IReadOnlyDictionary<string, string?> Facts => ReadOnlyDictionary<string, string?>.Empty;
}

/// <summary>A refusal coded by the members of <typeparamref name="TCode"/>, each of which declares its <see cref="FailureAttribute"/>.</summary>
[GenerateSerializer]
public abstract class MlopsException<TCode> : MlopsException
    where TCode : struct, Enum
{
    protected MlopsException(TCode code, string message)
        : base(message) => Code = code;

    [Id(0)]
    public TCode Code { get; private set; }

    public sealed override string ErrorCode => Code.ToString();

    public sealed override FailureKind Kind => FailureCatalog.Of(Code).Kind;

    public sealed override string Title => FailureCatalog.Of(Code).Title;
}
