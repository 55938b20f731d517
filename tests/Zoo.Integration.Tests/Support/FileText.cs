namespace Zoo.Integration.Tests.Support;

/// <summary>Reading a job's file that its worker may not have written yet.</summary>
public static class FileText
{
    /// <summary>The file's text, or null while it (or its directory) does not exist.</summary>
    public static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
