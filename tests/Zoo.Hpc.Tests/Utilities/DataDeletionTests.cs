using Zoo.Core.Files;
using Zoo.Core.Jobs;
using Zoo.Hpc.Tests.TestSupport;
using Zoo.Hpc.Utilities;

namespace Zoo.Hpc.Tests.Utilities;

/// <summary>
/// DeleteData's rule: a job's own files in tmpPath (by name) with what publication made of them, or a non-shared cache
/// entry the job's inputs were read from (by the job's record); nothing else, whatever the names say.
/// </summary>
[TestFixture]
public sealed class DataDeletionTests
{
    private const string Job = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    private const string OtherJob = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7c";
    private const string Output = "output_BandMath_out_" + Job + ".tif";
    private const string Entry = "0123456789abcdef0123456789abcdef";

    private TempDirectory _root = null!;
    private string _tmp = null!;
    private string _cache = null!;
    private string _data = null!;
    private StringWriter _log = null!;

    [SetUp]
    public void MakeDirectories()
    {
        _root = new TempDirectory();
        _tmp = Directory.CreateDirectory(_root.PathOf("tmp")).FullName;
        _cache = Directory.CreateDirectory(_root.PathOf("cache")).FullName;
        _data = Directory.CreateDirectory(_root.PathOf("data")).FullName;
        _log = new StringWriter();
    }

    [TearDown]
    public void RemoveDirectories()
    {
        _root.Dispose();
        _log.Dispose();
    }

    private string Delete(string fileName, string ioName = "out", string jobId = Job) =>
        new DataDeletion(_tmp, _cache, _data, _log).Delete(jobId, fileName, ioName);

    private string Refusal(string fileName, string ioName = "out", string jobId = Job) =>
        Assert.Throws<DeleteDataException>(() => Delete(fileName, ioName, jobId))!.Message;

    private string File(string directory, string name, string content = "data")
    {
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private void CacheEntry(string provenance)
    {
        foreach (var (extension, content) in new[] { (".zca", "content"), (".zcm", "image/tiff"), (".zcp", provenance), (".zmd", "9a0364b9e99bb480dd25e1f0284c8555") })
            File(_cache, Entry + extension, content);
    }

    private void RecordCacheEntryOf(string jobId, string entryFileName)
    {
        var store = new JobStore(_tmp);
        store.Create(jobId, 1);
        store.WriteCacheEntries(jobId, [entryFileName]);
    }

    private static string[] Names(string directory) =>
        Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    // ------------------------------------------------------------------------------------------- outputs

    [Test]
    public void An_output_of_the_job_is_deleted_with_ZOOs_message()
    {
        File(_tmp, Output);

        var result = Delete(Output);

        Assert.That((result, Names(_tmp)), Is.EqualTo(("The output data has been correclty removed", Array.Empty<string>())));
    }

    [TestCase("OUTPUT_BandMath_out_" + Job + ".tif")]
    [TestCase("input_InputImage_0_" + Job + ".tif")]
    [TestCase("Input_InputData_" + Job + "_0.xml")]
    [TestCase("ZOO_DATA_CopyRaster_Result_" + Job + "_0.tif")]
    public void The_other_names_of_a_jobs_files_in_tmpPath_are_deleted(string fileName)
    {
        File(_tmp, fileName);

        Delete(fileName);

        Assert.That(Names(_tmp), Is.Empty);
    }

    [Test]
    public void The_maps_list_beside_the_output_and_the_mapfiles_it_lists_in_dataPath_are_deleted()
    {
        File(_tmp, Output);
        var mapfile = File(_data, "out_0_" + Job + ".map");
        var innerMapfile = File(_data, "out_1_" + Job + ".map");
        File(_tmp, "output_BandMath_out_" + Job + ".maps", mapfile + "\n" + innerMapfile + "\n");

        Delete(Output, ioName: "another");

        Assert.That((Names(_tmp), Names(_data)), Is.EqualTo((Array.Empty<string>(), Array.Empty<string>())));
    }

    [Test]
    public void The_published_files_in_dataPath_of_the_output_named_are_deleted()
    {
        File(_tmp, Output);
        File(_data, "out_0_" + Job + ".map");
        File(_data, "ZOO_DATA_0_out_" + Job + ".tif");
        File(_data, "ZOO_DATA_0_out_" + Job + ".maps");

        Delete(Output);

        Assert.That(Names(_data), Is.Empty);
    }

    [Test]
    public void The_published_files_of_another_output_and_of_another_job_stay()
    {
        File(_tmp, Output);
        File(_data, "other_0_" + Job + ".map");
        File(_data, "out_0_" + OtherJob + ".map");
        File(_data, "ZOO_DATA_0_out_" + OtherJob + ".tif");

        Delete(Output);

        Assert.That(Names(_data), Is.EqualTo(new[] { "ZOO_DATA_0_out_" + OtherJob + ".tif", "other_0_" + Job + ".map", "out_0_" + OtherJob + ".map" }));
    }

    [Test]
    public void A_file_listed_in_the_maps_list_outside_dataPath_stays()
    {
        var victim = File(_root.Path, "out_0_" + Job + ".map", "precious");
        File(_tmp, Output);
        File(_tmp, "output_BandMath_out_" + Job + ".maps", victim + "\n" + _data + "/../out_0_" + Job + ".map\n");

        Delete(Output);

        Assert.That(System.IO.File.ReadAllText(victim), Is.EqualTo("precious"));
    }

    [Test]
    public void A_mapfile_of_another_job_listed_in_the_maps_list_stays()
    {
        File(_tmp, Output);
        var other = File(_data, "out_0_" + OtherJob + ".map");
        File(_tmp, "output_BandMath_out_" + Job + ".maps", other + "\n");

        Delete(Output);

        Assert.That(Names(_data), Is.EqualTo(new[] { "out_0_" + OtherJob + ".map" }));
    }

    [Test]
    public void A_file_of_another_job_is_refused_and_stays()
    {
        var name = "output_BandMath_out_" + OtherJob + ".tif";
        File(_tmp, name);

        var message = Refusal(name);

        Assert.That((message, Names(_tmp)), Is.EqualTo(($"The file {name} is not a file of the job {Job}.", new[] { name })));
    }

    [Test]
    public void A_file_whose_name_only_contains_the_job_id_in_a_longer_word_is_refused()
    {
        var name = "output_BandMath_out_" + Job + "0.tif";
        File(_tmp, name);

        Assert.That(Refusal(name), Is.EqualTo($"The file {name} is not a file of the job {Job}."));
    }

    [TestCase("../output_" + Job + ".tif")]
    [TestCase("output_" + Job + "/../../output_" + Job + ".tif")]
    [TestCase("/tmp/output_" + Job + ".tif")]
    [TestCase("..")]
    [TestCase("")]
    public void A_name_that_is_not_a_plain_file_name_is_refused(string fileName)
    {
        var outside = File(_root.Path, "output_" + Job + ".tif", "precious");

        var message = Refusal(fileName);

        Assert.That((message, System.IO.File.Exists(outside)),
            Is.EqualTo(($"The filename \"{fileName}\" is not the name of a file: it cannot hold a directory.", true)));
    }

    [Test]
    public void A_symbolic_link_named_like_an_output_is_refused_and_neither_it_nor_its_target_is_deleted()
    {
        var victim = File(_root.Path, "victim.txt", "precious");
        System.IO.File.CreateSymbolicLink(Path.Combine(_tmp, Output), victim);

        var message = Refusal(Output);

        Assert.That((message, Names(_tmp), System.IO.File.ReadAllText(victim)),
            Is.EqualTo(($"The file you try to delete is not a regular file (a symbolic link is never followed): {Output}.", new[] { Output }, "precious")));
    }

    [Test]
    public void A_name_that_is_neither_an_input_nor_an_output_gets_ZOOs_message()
    {
        var name = Job + "_lenv.cfg";
        File(_tmp, name);

        Assert.That(Refusal(name), Is.EqualTo("The file you try to delete is nor an input, nor an output."));
    }

    [Test]
    public void A_missing_output_is_refused()
    {
        Assert.That(Refusal(Output), Is.EqualTo($"The file you try to delete does not exist: {Output}."));
    }

    [TestCase("../" + Job)]
    [TestCase("0191C2A4-5D6E-7F80-9A1B-2C3D4E5F6A7B")]
    [TestCase("")]
    public void A_job_id_that_is_not_one_is_refused(string jobId)
    {
        Assert.That(Refusal(Output, jobId: jobId), Is.EqualTo($"The jobid \"{jobId}\" is not a job id of this server."));
    }

    [Test]
    public void An_io_name_with_a_directory_is_refused()
    {
        File(_tmp, Output);

        Assert.That(Refusal(Output, ioName: "../out"), Is.EqualTo("The ioname \"../out\" is not the name of an input or an output."));
    }

    [Test]
    public void An_output_locked_by_another_holder_gets_ZOOs_lock_message_and_stays()
    {
        var path = File(_tmp, Output);
        using var holder = SafeFile.OpenRead(path);
        Assume.That(FileLock.TryExclusive(holder), Is.True);

        var message = Refusal(Output);

        Assert.That((message, Names(_tmp)), Is.EqualTo(("Failed to acquire lock for deletion, please try again later.", new[] { Output })));
    }

    // ------------------------------------------------------------------------------------------- cache entries

    [Test]
    public void A_cache_entry_the_jobs_inputs_were_read_from_is_deleted_whole_with_ZOOs_message()
    {
        CacheEntry("OTHER");
        RecordCacheEntryOf(Job, Entry + ".zca");

        var result = Delete(Entry + ".zca", ioName: "InputImage");

        Assert.That((result, Names(_cache)), Is.EqualTo(("The input data has been correclty removed", Array.Empty<string>())));
    }

    [Test]
    public void A_shared_cache_entry_gets_ZOOs_message_and_stays()
    {
        CacheEntry("SHARED");
        RecordCacheEntryOf(Job, Entry + ".zca");

        var message = Refusal(Entry + ".zca", ioName: "InputImage");

        Assert.That((message, Names(_cache).Length),
            Is.EqualTo(("The file you try to delete is a shared ressource and cannot be deleted by nature.", 4)));
    }

    [Test]
    public void A_cache_entry_without_provenance_counts_as_shared_as_in_ZOO()
    {
        CacheEntry("OTHER");
        System.IO.File.Delete(Path.Combine(_cache, Entry + ".zcp"));
        RecordCacheEntryOf(Job, Entry + ".zca");

        Assert.That(Refusal(Entry + ".zca", ioName: "InputImage"),
            Is.EqualTo("The file you try to delete is a shared ressource and cannot be deleted by nature."));
    }

    [Test]
    public void A_cache_entry_only_another_job_read_is_refused_and_stays()
    {
        CacheEntry("OTHER");
        RecordCacheEntryOf(OtherJob, Entry + ".zca");
        new JobStore(_tmp).Create(Job, 1);

        var message = Refusal(Entry + ".zca", ioName: "InputImage");

        Assert.That((message, Names(_cache).Length),
            Is.EqualTo(($"The file {Entry}.zca is not a cache entry the inputs of the job {Job} were read from.", 4)));
    }

    [Test]
    public void A_cache_entry_of_a_job_this_server_does_not_know_is_refused()
    {
        CacheEntry("OTHER");

        Assert.That(Refusal(Entry + ".zca", ioName: "InputImage"),
            Is.EqualTo($"The file {Entry}.zca is not a cache entry the inputs of the job {Job} were read from."));
    }

    [Test]
    public void A_symbolic_link_in_the_cache_is_refused_and_its_target_stays()
    {
        var victim = File(_root.Path, "victim.txt", "precious");
        System.IO.File.CreateSymbolicLink(Path.Combine(_cache, Entry + ".zca"), victim);
        File(_cache, Entry + ".zcp", "OTHER");
        RecordCacheEntryOf(Job, Entry + ".zca");

        var message = Refusal(Entry + ".zca", ioName: "InputImage");

        Assert.That((message, System.IO.File.ReadAllText(victim)),
            Is.EqualTo(($"The file you try to delete is not a regular file (a symbolic link is never followed): {Entry}.zca.", "precious")));
    }

    [Test]
    public void Without_a_cacheDir_a_cache_entry_is_refused()
    {
        var message = Assert.Throws<DeleteDataException>(() => new DataDeletion(_tmp, null, _data, _log).Delete(Job, Entry + ".zca", "InputImage"))!.Message;

        Assert.That(message, Is.EqualTo("No cacheDir is set in the [main] section of main.cfg: there is no cache entry to delete."));
    }
}
