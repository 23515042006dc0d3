package io.crampcare.advice;

import io.crampcare.testsupport.JwtTestResource;
import io.crampcare.testsupport.KafkaTestResource;
import io.crampcare.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real Kafka and PostgreSQL, and a JWT key pair, for every test in this module (a test resource declared once applies to all). */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "advice"))
public final class AdviceTestResources {

    private AdviceTestResources() {
    }
}
