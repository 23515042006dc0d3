package io.crampcare.intake;

import io.crampcare.testsupport.JwtTestResource;
import io.crampcare.testsupport.KafkaTestResource;
import io.crampcare.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real Kafka and PostgreSQL, a JWT key pair, and stand-ins for the services the export calls, for every test in this
 * module (a test resource declared once applies to all).
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandInServices.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
public final class IntakeTestResources {

    private IntakeTestResources() {
    }
}
