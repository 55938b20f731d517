namespace Zoo.Core.Processes;

/// <summary>A file's last write time and length: what tells a changed .zcfg from the one read before.</summary>
public readonly record struct FileStamp(long LastWriteTicks, long Length)
{
    public bool IsKnown => LastWriteTicks != 0;
}
