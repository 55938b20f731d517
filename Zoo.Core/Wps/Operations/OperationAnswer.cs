using Zoo.Core.Cgi;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Operations;

/// <summary>What an operation answers: a WPS document, or (a raw output) a response of its own.</summary>
public abstract record OperationAnswer
{
    public sealed record Document(ElementNode Root) : OperationAnswer;

    public sealed record Raw(CgiResponse Response) : OperationAnswer;
}
