using Zoo.Core.Cgi;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Cgi;

public class RequestBodyReaderTests
{
    private const long Limit = 100;
    private const int MiB = 1024 * 1024;

    private TempDirectory _spool = null!;

    [SetUp]
    public void CreateSpoolDirectory() => _spool = new TempDirectory();

    [TearDown]
    public void RemoveSpoolDirectory() => _spool.Dispose();

    private static Dictionary<string, string> Environment(string method, string? contentLength = null)
    {
        var environment = new Dictionary<string, string> { ["REQUEST_METHOD"] = method };
        if (contentLength is not null)
            environment["CONTENT_LENGTH"] = contentLength;
        return environment;
    }

    private RequestBody Read(Dictionary<string, string> environment, Stream input, long maxBytes = Limit) =>
        RequestBodyReader.Read(environment, input, maxBytes, _spool.Path);

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i % 251)).ToArray();

    private static byte[] Content(RequestBody body)
    {
        using var stream = body.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // ---- limits

    [Test]
    public void A_content_length_over_the_limit_is_refused()
    {
        Assert.Throws<BodyTooLargeException>(() => Read(Environment("POST", "101"), new CountingStream(Bytes(101))));
    }

    [Test]
    public void A_content_length_over_the_limit_is_refused_before_a_byte_is_read()
    {
        var input = new CountingStream(Bytes(101));

        Assert.Throws<BodyTooLargeException>(() => Read(Environment("POST", "101"), input));

        Assert.That(input.Reads, Is.Zero);
    }

    [Test]
    public void The_refusal_tells_the_limit()
    {
        var error = Assert.Throws<BodyTooLargeException>(() => Read(Environment("POST", "101"), new CountingStream(Bytes(101))));

        Assert.That((error!.MaxBytes, error.Message), Is.EqualTo((100L, "The request body is larger than the 100 bytes this server accepts.")));
    }

    [Test]
    public void A_content_length_at_the_limit_is_read()
    {
        Assert.That(Content(Read(Environment("POST", "100"), new CountingStream(Bytes(100)))), Is.EqualTo(Bytes(100)));
    }

    [Test]
    public void A_post_without_content_length_is_read_to_the_end()
    {
        Assert.That(Content(Read(Environment("POST"), new CountingStream(Bytes(50)))), Is.EqualTo(Bytes(50)));
    }

    [Test]
    public void A_put_without_content_length_is_read_to_the_end()
    {
        Assert.That(Content(Read(Environment("PUT"), new CountingStream(Bytes(50)))), Is.EqualTo(Bytes(50)));
    }

    [Test]
    public void A_post_without_content_length_that_passes_the_limit_is_refused()
    {
        Assert.Throws<BodyTooLargeException>(() => Read(Environment("POST"), new CountingStream(Bytes(101))));
    }

    [Test]
    public void A_post_without_content_length_that_never_ends_is_refused_once_past_the_limit()
    {
        Assert.Throws<BodyTooLargeException>(() => Read(Environment("POST"), new EndlessStream()));
    }

    [Test]
    public void A_content_length_shorter_than_the_body_reads_only_that_many_bytes()
    {
        var body = Read(Environment("POST", "10"), new CountingStream(Bytes(50)));

        Assert.That(Content(body), Is.EqualTo(Bytes(10)));
    }

    [Test]
    public void A_content_length_shorter_than_the_body_leaves_the_rest_unread()
    {
        var input = new CountingStream(Bytes(50));

        Read(Environment("POST", "10"), input);

        Assert.That(input.BytesRead, Is.EqualTo(10));
    }

    [Test]
    public void A_content_length_longer_than_the_body_gives_what_was_sent()
    {
        Assert.That(Content(Read(Environment("POST", "90"), new CountingStream(Bytes(40)))), Is.EqualTo(Bytes(40)));
    }

    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("")]
    [TestCase(" 10")]
    [TestCase("1e2")]
    public void An_invalid_content_length_on_a_post_is_treated_as_absent(string contentLength)
    {
        Assert.That(Content(Read(Environment("POST", contentLength), new CountingStream(Bytes(30)))), Is.EqualTo(Bytes(30)));
    }

    [Test]
    public void An_invalid_content_length_does_not_lift_the_limit()
    {
        Assert.Throws<BodyTooLargeException>(() => Read(Environment("POST", "-1"), new CountingStream(Bytes(101))));
    }

    [Test]
    public void A_content_length_of_zero_reads_nothing()
    {
        var input = new CountingStream(Bytes(30));

        var body = Read(Environment("POST", "0"), input);

        Assert.That((body.IsEmpty, input.Reads), Is.EqualTo((true, 0)));
    }

    // ---- GET

    [Test]
    public void A_get_without_content_length_never_reads_standard_input()
    {
        var input = new CountingStream(Bytes(30));

        Read(Environment("GET"), input);

        Assert.That(input.Reads, Is.Zero);
    }

    [Test]
    public void A_get_without_content_length_has_an_empty_body()
    {
        Assert.That(Read(Environment("GET"), new CountingStream(Bytes(30))).IsEmpty, Is.True);
    }

    [Test]
    public void A_get_with_an_invalid_content_length_never_reads_standard_input()
    {
        var input = new CountingStream(Bytes(30));

        Read(Environment("GET", "abc"), input);

        Assert.That(input.Reads, Is.Zero);
    }

    [Test]
    public void A_request_without_method_never_reads_standard_input()
    {
        var input = new CountingStream(Bytes(30));

        RequestBodyReader.Read(new Dictionary<string, string>(), input, Limit, _spool.Path);

        Assert.That(input.Reads, Is.Zero);
    }

    // ---- large bodies

    [Test]
    public void A_body_of_one_MiB_stays_in_memory()
    {
        // No spool directory: a body that needed one would fail.
        var body = RequestBodyReader.Read(Environment("POST", MiB.ToString()), new CountingStream(Bytes(MiB)), 4L * MiB,
            Path.Combine(_spool.Path, "missing"));

        Assert.That(body.Length, Is.EqualTo(MiB));
    }

    [Test]
    public void A_body_over_one_MiB_goes_to_a_spool_file()
    {
        // No spool directory: the body must fail where a spool file is needed.
        Assert.That(() => RequestBodyReader.Read(Environment("POST"), new CountingStream(Bytes(MiB + 1)), 4L * MiB,
            Path.Combine(_spool.Path, "missing")), Throws.InstanceOf<IOException>());
    }

    [Test]
    public void A_spooled_body_reads_back_identically()
    {
        using var body = Read(Environment("POST", (3 * MiB / 2).ToString()), new CountingStream(Bytes(3 * MiB / 2)), 4L * MiB);

        Assert.That(Content(body), Is.EqualTo(Bytes(3 * MiB / 2)));
    }

    [Test]
    public void A_spooled_body_reads_back_identically_a_second_time()
    {
        using var body = Read(Environment("POST"), new CountingStream(Bytes(3 * MiB / 2)), 4L * MiB);
        Content(body);

        Assert.That(Content(body), Is.EqualTo(Bytes(3 * MiB / 2)));
    }

    [Test]
    public void A_spooled_body_has_its_length()
    {
        using var body = Read(Environment("POST"), new CountingStream(Bytes(3 * MiB / 2)), 4L * MiB);

        Assert.That(body.Length, Is.EqualTo(3 * MiB / 2));
    }

    [Test]
    public void The_head_of_a_spooled_body_is_its_first_bytes()
    {
        using var body = Read(Environment("POST"), new CountingStream(Bytes(3 * MiB / 2)), 4L * MiB);

        Assert.That(body.Head(8).ToArray(), Is.EqualTo(Bytes(8)));
    }

    [Test]
    public void A_spool_file_has_no_name_in_the_spool_directory()
    {
        using var body = Read(Environment("POST"), new CountingStream(Bytes(3 * MiB / 2)), 4L * MiB);

        Assert.That(Directory.GetFileSystemEntries(_spool.Path), Is.Empty);
    }

    [Test]
    public void A_body_over_the_limit_leaves_nothing_in_the_spool_directory()
    {
        Assert.Throws<BodyTooLargeException>(() => Read(Environment("POST"), new CountingStream(Bytes(3 * MiB)), 2L * MiB));

        Assert.That(Directory.GetFileSystemEntries(_spool.Path), Is.Empty);
    }

    /// <summary>Standard input as a pipe gives it: short reads, counted.</summary>
    private sealed class CountingStream(byte[] content) : Stream
    {
        private int _position;

        public int Reads { get; private set; }

        public int BytesRead => _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            // A pipe hands out at most what it holds: never more than 7000 bytes at once here.
            var read = Math.Min(Math.Min(count, 7000), content.Length - _position);
            Array.Copy(content, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A client that keeps sending.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'x');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
