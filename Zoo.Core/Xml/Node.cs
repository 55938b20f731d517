namespace Zoo.Core.Xml;

/// <summary>A node of a response document, written by <see cref="XmlFormatter"/> the way ZOO's libxml2 writes it.</summary>
public abstract record Node;

public sealed record TextNode(string Text) : Node;

public sealed record CDataNode(string Text) : Node;

public sealed record CommentNode(string Text) : Node;

/// <summary>
/// XML that is embedded as it was written (a service's XML output, a client's inline XML echoed in lineage):
/// known to be well-formed and within the depth limit, and never re-indented, so its size in the answer is its
/// own size, however deep it nests.
/// </summary>
public sealed record RawXmlNode(string Xml) : Node;

/// <summary>An element with prefixed name and attributes in the order they are added.</summary>
public sealed record ElementNode(string Name) : Node
{
    private List<KeyValuePair<string, string>>? _attributes;
    private List<Node>? _children;

    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes ?? [];
    public IReadOnlyList<Node> Children => _children ?? [];

    public ElementNode Attr(string name, string value)
    {
        (_attributes ??= []).Add(KeyValuePair.Create(name, value));
        return this;
    }

    /// <summary>Adds the attribute only when there is a value, as ZOO omits absent keys.</summary>
    public ElementNode AttrIfSet(string name, string? value) =>
        string.IsNullOrEmpty(value) ? this : Attr(name, value);

    public ElementNode Add(Node child)
    {
        (_children ??= []).Add(child);
        return this;
    }

    public ElementNode Add(IEnumerable<Node> children)
    {
        foreach (var child in children)
            Add(child);
        return this;
    }

    /// <summary>Adds a child element and returns it.</summary>
    public ElementNode Child(string name)
    {
        var child = new ElementNode(name);
        Add(child);
        return child;
    }

    /// <summary>Adds a child element holding one text; an empty text makes an empty element, as libxml2 writes it.</summary>
    public ElementNode TextChild(string name, string text)
    {
        Child(name).Text(text);
        return this;
    }

    /// <summary>Adds a child element holding one text, only when there is a value.</summary>
    public ElementNode TextChildIfSet(string name, string? text) =>
        text is null ? this : TextChild(name, text);

    public ElementNode Text(string text) => text.Length == 0 ? this : Add(new TextNode(text));
}
