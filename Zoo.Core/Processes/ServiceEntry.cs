namespace Zoo.Core.Processes;

/// <summary>
/// A .zcfg file the registry found. <see cref="Prefix"/> is the namespace it is published under
/// ("a.b." for <c>a/b/S.zcfg</c>, empty at the top), <see cref="Directory"/> where its provider lives.
/// <see cref="Stamp"/> tells whether the file changed since it was last read (zero when not looked at).
/// </summary>
public sealed record ServiceEntry(string FileName, string FilePath, string Prefix, FileStamp Stamp = default)
{
    /// <summary>The identifier clients use: the namespace prefix and the file's name.</summary>
    public string Identifier => Prefix + FileName;

    public string Directory => Path.GetDirectoryName(FilePath)!;

    /// <summary>The namespace as a relative path ("a/b"), ZOO's metapath.</summary>
    public string MetaPath => Prefix.TrimEnd('.').Replace('.', '/');
}
