namespace Zoo.Core.Publishing;

/// <summary>An element cannot be published: what the operator must fix, or why its data is no map.</summary>
/// <param name="Code">The exception code of the report (ZOO's InternalError, unless the data is at fault).</param>
public sealed class PublicationException(string message, string code = "InternalError") : Exception(message)
{
    public string Code { get; } = code;
}
