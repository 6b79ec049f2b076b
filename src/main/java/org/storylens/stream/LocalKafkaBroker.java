package org.storylens.stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka broker in this process, for {@code demo --stream} and the tests: one KRaft node that is broker and
 * controller at once, listening on free ports of the loopback interface, its log in a folder of the caller's. Its
 * internal topics have one replica. Closing it shuts the broker down and waits until it has.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code logDir} (created when missing; a folder an earlier start formatted is used as it is) and starts
     * the broker on it.
     *
     * @throws IOException when the folder cannot be made or formatted, or the broker does not start
     */
    public static LocalKafkaBroker start(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        int brokerPort = freePort();
        int controllerPort = freePort();
        String dir = logDir.toAbsolutePath().toString();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir);
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // as large as the largest article the publisher sends (the reader's 16 MB limit, plus its JSON)
        props.put("message.max.bytes", String.valueOf(21 << 20));
        // a folder formatted by an earlier start is used as it is: its topics and committed offsets are kept
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            try {
                new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .addDirectory(dir)
                        .setMetadataLogDirectory(dir)
                        .setControllerListenerName(CONTROLLER)
                        .setReleaseVersion(MetadataVersion.latestProduction())
                        .run();
            } catch (Exception e) {
                throw new IOException("cannot format a Kafka log in " + logDir + ": " + e.getMessage(), e);
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw new IOException("the local Kafka broker did not start: " + e.getMessage(), e);
        }
        return new LocalKafkaBroker(server, "localhost:" + brokerPort);
    }

    /** {@code HOST:PORT} to reach the broker at. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topic with one replica, unless it exists. */
    public void createTopic(String topic, int partitions) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topic " + topic, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
